/**
 * Our own implementation of the interface of rapidfuzz's result types (Editop, Editops, Opcode, Opcodes,
 * MatchingBlock, ScoreAlignment): same constructors, methods, errors and reprs as rapidfuzz's, written for this
 * project. The edit scripts themselves are computed by the engine (metrics/rf-distance.ts).
 */
export const RAPIDFUZZ_INITIALIZE_PY = String.raw`from __future__ import annotations

_INVALID = "List of edit operations invalid"
_NOT_SUB = "subsequence is not a subsequence"
_SWAP = {"insert": "delete", "delete": "insert"}


def _step(tag):
    """How far (source, destination) advance past one edit of this kind."""
    return {"replace": (1, 1), "insert": (0, 1), "delete": (1, 0)}.get(tag, (0, 0))


class _Record:
    """A fixed-size record that also behaves like a tuple of its fields."""

    _fields = ()
    _quoted = ()
    _range_msg = ""

    def _values(self):
        return tuple(getattr(self, name) for name in self._fields)

    def __len__(self):
        return len(self._fields)

    def __getitem__(self, i):
        n = len(self._fields)
        for k, name in enumerate(self._fields):
            if i == k or i == k - n:
                return getattr(self, name)
        raise IndexError(self._range_msg)

    def __iter__(self):
        return iter(self._values())

    def __eq__(self, other):
        try:
            if len(other) != len(self._fields):
                return False
            return all(other[k] == v for k, v in enumerate(self._values()))
        except TypeError:
            return False

    __hash__ = None

    def __repr__(self):
        parts = []
        for name in self._fields:
            value = getattr(self, name)
            parts.append(f"{name}={value!r}" if name in self._quoted else f"{name}={value}")
        return f"{type(self).__name__}({', '.join(parts)})"


class MatchingBlock(_Record):
    _fields = ("a", "b", "size")
    _range_msg = "MatchingBlock index out of range"

    def __init__(self, a, b, size):
        self.a, self.b, self.size = a, b, size


class Editop(_Record):
    _fields = ("tag", "src_pos", "dest_pos")
    _quoted = ("tag",)
    _range_msg = "Editop index out of range"

    def __init__(self, tag, src_pos, dest_pos):
        self.tag, self.src_pos, self.dest_pos = tag, src_pos, dest_pos


class Opcode(_Record):
    _fields = ("tag", "src_start", "src_end", "dest_start", "dest_end")
    _quoted = ("tag",)
    _range_msg = "Opcode index out of range"

    def __init__(self, tag, src_start, src_end, dest_start, dest_end):
        self.tag, self.src_start, self.src_end = tag, src_start, src_end
        self.dest_start, self.dest_end = dest_start, dest_end


class ScoreAlignment(_Record):
    _fields = ("score", "src_start", "src_end", "dest_start", "dest_end")
    _range_msg = "Opcode index out of range"

    def __init__(self, score, src_start, src_end, dest_start, dest_end):
        self.score, self.src_start, self.src_end = score, src_start, src_end
        self.dest_start, self.dest_end = dest_start, dest_end


def _editop_list(ops, src_len, dest_len):
    if not ops:
        return []
    if len(ops[0]) == 5:
        return Opcodes(ops, src_len, dest_len).as_editops()._ops
    result = []
    for tag, s, d in ops:
        if s > src_len or d > dest_len:
            raise ValueError(_INVALID)
        if (s == src_len and tag != "insert") or (d == dest_len and tag != "delete"):
            raise ValueError(_INVALID)
        if tag != "equal":
            result.append(Editop(tag, s, d))
    for prev, cur in zip(result, result[1:]):
        if cur.src_pos < prev.src_pos or cur.dest_pos < prev.dest_pos:
            raise ValueError("List of edit operations out of order")
        if (cur.src_pos, cur.dest_pos) == (prev.src_pos, prev.dest_pos):
            raise ValueError("Duplicated edit operation")
    return result


def _opcode_list(ops, src_len, dest_len):
    if not ops or len(ops[0]) == 3:
        return Editops(ops, src_len, dest_len).as_opcodes()._ops
    result = []
    for tag, s0, s1, d0, d1 in ops:
        ns, nd = s1 - s0, d1 - d0
        bad = s1 > src_len or d1 > dest_len or ns < 0 or nd < 0
        if tag in ("equal", "replace"):
            bad = bad or ns != nd or ns == 0
        elif tag == "insert":
            bad = bad or ns != 0 or nd == 0
        elif tag == "delete":
            bad = bad or ns == 0 or nd != 0
        if bad:
            raise ValueError(_INVALID)
        last = result[-1] if result else None
        if last is not None and last.tag == tag and last.src_end == s0 and last.dest_end == d0:
            last.src_end, last.dest_end = s1, d1
        else:
            result.append(Opcode(tag, s0, s1, d0, d1))
    if result[0].src_start != 0 or result[0].dest_start != 0:
        raise ValueError("List of edit operations does not start at position 0")
    if result[-1].src_end != src_len or result[-1].dest_end != dest_len:
        raise ValueError("List of edit operations does not end at the string ends")
    for prev, cur in zip(result, result[1:]):
        if cur.src_start != prev.src_end or cur.dest_start != prev.dest_end:
            raise ValueError("List of edit operations is not continuous")
    return result


class _Script:
    """Shared behaviour of Editops and Opcodes: an ordered list of records plus both string lengths."""

    @classmethod
    def _build(cls, ops, src_len, dest_len):
        obj = cls.__new__(cls)
        obj._ops, obj.src_len, obj.dest_len = ops, src_len, dest_len
        return obj

    def _copies(self, ops=None):
        return [type(op)(*op) for op in (self._ops if ops is None else ops)]

    def as_list(self):
        return [tuple(op) for op in self._ops]

    def copy(self):
        return self._build(self._copies(), self.src_len, self.dest_len)

    def __len__(self):
        return len(self._ops)

    def __iter__(self):
        return iter(self._copies())

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return False
        return (self.src_len, self.dest_len) == (other.src_len, other.dest_len) and self._ops == other._ops

    __hash__ = None

    def __repr__(self):
        body = ", ".join(repr(op) for op in self._ops)
        return f"{type(self).__name__}([{body}], src_len={self.src_len}, dest_len={self.dest_len})"


class Editops(_Script):
    def __init__(self, editops=None, src_len=0, dest_len=0):
        self.src_len, self.dest_len = src_len, dest_len
        self._ops = _editop_list(editops, src_len, dest_len)

    @classmethod
    def from_opcodes(cls, opcodes):
        return opcodes.as_editops()

    def as_opcodes(self):
        ops, out, s, d, i = self._ops, [], 0, 0, 0
        while i < len(ops):
            first = ops[i]
            if s < first.src_pos or d < first.dest_pos:
                out.append(Opcode("equal", s, first.src_pos, d, first.dest_pos))
                s, d = first.src_pos, first.dest_pos
            start_s, start_d = s, d
            ds, dd = _step(first.tag)
            while i < len(ops) and ops[i].tag == first.tag and (ops[i].src_pos, ops[i].dest_pos) == (s, d):
                s, d, i = s + ds, d + dd, i + 1
            out.append(Opcode(first.tag, start_s, s, start_d, d))
        if s < self.src_len or d < self.dest_len:
            out.append(Opcode("equal", s, self.src_len, d, self.dest_len))
        return Opcodes._build(out, self.src_len, self.dest_len)

    def as_matching_blocks(self):
        out, s, d = [], 0, 0
        for op in self._ops:
            if s < op.src_pos or d < op.dest_pos:
                size = min(op.src_pos - s, op.dest_pos - d)
                if size > 0:
                    out.append(MatchingBlock(s, d, size))
                s, d = op.src_pos, op.dest_pos
            ds, dd = _step(op.tag)
            s, d = s + ds, d + dd
        size = min(self.src_len - s, self.dest_len - d)
        if size > 0:
            out.append(MatchingBlock(s, d, size))
        out.append(MatchingBlock(self.src_len, self.dest_len, 0))
        return out

    def inverse(self):
        ops = [Editop(_SWAP.get(op.tag, op.tag), op.dest_pos, op.src_pos) for op in self._ops]
        return Editops._build(ops, self.dest_len, self.src_len)

    def remove_subsequence(self, subsequence):
        if len(subsequence) > len(self._ops):
            raise ValueError(_NOT_SUB)
        keep = len(self._ops) - len(subsequence)
        out, shift, i = [], 0, 0
        for removed in subsequence:
            while i < len(self._ops) and removed != self._ops[i]:
                if len(out) >= keep:
                    raise ValueError(_NOT_SUB)
                op = self._ops[i]
                out.append(Editop(op.tag, op.src_pos + shift, op.dest_pos))
                i += 1
            if i == len(self._ops):
                raise ValueError(_NOT_SUB)
            shift += {"insert": 1, "delete": -1}.get(removed.tag, 0)
            i += 1
        out.extend(Editop(op.tag, op.src_pos + shift, op.dest_pos) for op in self._ops[i:])
        return Editops._build(out, self.src_len, self.dest_len)

    def apply(self, source_string, destination_string):
        out, s = [], 0
        for op in self._ops:
            out.extend(source_string[k] for k in range(s, op.src_pos))
            s = max(s, op.src_pos)
            if op.tag in ("replace", "insert"):
                out.append(destination_string[op.dest_pos])
            if op.tag in ("replace", "delete"):
                s += 1
        out.extend(source_string[k] for k in range(s, len(source_string)))
        return "".join(out)

    def __delitem__(self, key):
        del self._ops[key]

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._copies([self._ops[key]])[0]
        start, stop, step = key.indices(len(self._ops))
        if step < 0:
            raise ValueError("step sizes below 0 lead to an invalid order of editops")
        return Editops._build(self._copies(self._ops[start:stop:step]), self.src_len, self.dest_len)


class Opcodes(_Script):
    def __init__(self, opcodes=None, src_len=0, dest_len=0):
        self.src_len, self.dest_len = src_len, dest_len
        self._ops = _opcode_list(opcodes, src_len, dest_len)

    @classmethod
    def from_editops(cls, editops):
        return editops.as_opcodes()

    def as_editops(self):
        out = []
        for op in self._ops:
            if op.tag == "replace":
                out += [Editop("replace", op.src_start + k, op.dest_start + k) for k in range(op.src_end - op.src_start)]
            elif op.tag == "insert":
                out += [Editop("insert", op.src_start, op.dest_start + k) for k in range(op.dest_end - op.dest_start)]
            elif op.tag == "delete":
                out += [Editop("delete", op.src_start + k, op.dest_start) for k in range(op.src_end - op.src_start)]
        return Editops._build(out, self.src_len, self.dest_len)

    def as_matching_blocks(self):
        out = []
        for op in self._ops:
            size = min(op.src_end - op.src_start, op.dest_end - op.dest_start)
            if op.tag == "equal" and size > 0:
                out.append(MatchingBlock(op.src_start, op.dest_start, size))
        out.append(MatchingBlock(self.src_len, self.dest_len, 0))
        return out

    def inverse(self):
        ops = [Opcode(_SWAP.get(op.tag, op.tag), op.dest_start, op.dest_end, op.src_start, op.src_end) for op in self._ops]
        return Opcodes._build(ops, self.dest_len, self.src_len)

    def apply(self, source_string, destination_string):
        out = ""
        for op in self._ops:
            if op.tag == "equal":
                out += source_string[op.src_start : op.src_end]
            elif op.tag in ("replace", "insert"):
                out += destination_string[op.dest_start : op.dest_end]
        return out

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._copies([self._ops[key]])[0]
        raise TypeError("Expected index")
`;
