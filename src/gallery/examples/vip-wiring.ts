/** Worked example: wiring verification-IP instances, graded by F1 over the multiset of (role, port, signal) pairs. Data only. */
import { textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const agent = (role: string, name: string, stream: string) => `axi4s_vip #(.ROLE("${role}")) ${name} (
  .aclk    (clk),
  .aresetn (rst_n),
  .tdata   (${stream}_tdata),
  .tvalid  (${stream}_tvalid),
  .tready  (${stream}_tready)
);`;

const good = [agent('MASTER', 'm_agent', 's_axis'), agent('SLAVE', 's0_agent', 'm0_axis'), agent('SLAVE', 's1_agent', 'm1_axis')].join('\n\n');

const connections = (role: string, stream: string) => [
  { role, port: 'aclk', signal: 'clk' },
  { role, port: 'aresetn', signal: 'rst_n' },
  { role, port: 'tdata', signal: `${stream}_tdata` },
  { role, port: 'tvalid', signal: `${stream}_tvalid` },
  { role, port: 'tready', signal: `${stream}_tready` },
];

export const vipWiring: GalleryExample = {
  id: 'vip-wiring',
  title: 'Wiring verification IP: F1 over name/value pairs',
  useCase: 'Connecting verification-IP agents to a design under test (SystemVerilog)',
  summary: 'A python grader reads each agent\'s role and its named port connections .port(signal), and scores F1 between the multiset of (role, port, signal) triples and the expected one.',
  design: [
    'A testbench hookup is a collection of connections, each right or wrong whatever the order or layout of the code. So the grader extracts the connections and compares collections, not text: F1 = 2 x matched / (produced + expected). Each connection is keyed by the agent\'s ROLE, not its instance name, which the model may choose freely.',
    'It is a multiset (collections.Counter), not a set, because the same triple legitimately occurs more than once: both SLAVE agents take .aclk(clk) and .aresetn(rst_n). An answer that wires only one slave\'s clock gets one of the two, and the intersection of Counters (&) never credits a triple more often than it is expected.',
    'A port bound twice in one instance does not compile, so it gives 0 for the whole answer. This is what stops hedging: binding .tdata to both candidate streams would otherwise still collect the right triple and lose only some precision.',
    'Positional connections (no .port names, no ROLE) cannot be checked and earn nothing, which also teaches the named style most teams require. Note what the grader gives away: the clock and reset triples are easy credit, so an answer with two agents\' streams swapped still scores 0.6.',
  ],
  grader: {
    type: 'python',
    name: 'role/port/signal F1',
    source: String.raw`import re
from collections import Counter

ROLE = re.compile(r"\.ROLE\s*\(\s*\"(\w+)\"\s*\)")
PAIR = re.compile(r"\.\s*(\w+)\s*\(\s*([\w.\[\]:]+)\s*\)")


def triples(text):
    found = Counter()
    for statement in text.split(";"):
        ports = PAIR.findall(statement)
        names = [port for port, _ in ports]
        if len(names) != len(set(names)):
            return None  # a port bound twice in one instance does not compile
        role = ROLE.search(statement)
        role = role.group(1) if role else "?"
        found.update((role, port, signal) for port, signal in ports)
    return found


def grade(sample, item):
    got = triples(sample["output_text"])
    expected = Counter((c["role"], c["port"], c["signal"]) for c in item["expected_connections"])
    if not got:
        return 0.0
    matched = sum((got & expected).values())
    return 2 * matched / (sum(got.values()) + sum(expected.values()))
`,
  },
  item: {
    task: 'The DUT splits one AXI-Stream input (s_axis_*) into two outputs (m0_axis_*, m1_axis_*). Instantiate axi4s_vip agents: one with ROLE "MASTER" driving the input, one with ROLE "SLAVE" on each output. All use clk and rst_n. Use named port connections.',
    expected_connections: [...connections('MASTER', 's_axis'), ...connections('SLAVE', 'm0_axis'), ...connections('SLAVE', 'm1_axis')],
  },
  samples: [
    { label: 'good', note: 'All fifteen connections: 1.', sample: textSample(good), expectedReward: 1 },
    {
      label: 'partial',
      note: 'The MASTER\'s reset is missing and the second SLAVE has tvalid and tready swapped: 12 of 14 produced triples match 15 expected ones: F1 = 24/29.',
      sample: textSample(
        good
          .replace('  .aresetn (rst_n),\n  .tdata   (s_axis_tdata)', '  .tdata   (s_axis_tdata)')
          .replace('.tvalid  (m1_axis_tvalid)', '.tvalid  (m1_axis_tready)')
          .replace('.tready  (m1_axis_tready)', '.tready  (m1_axis_tvalid)'),
      ),
      expectedReward: 24 / 29,
    },
    {
      label: 'partial',
      note: 'The MASTER and the first SLAVE on each other\'s streams: their six data triples miss, the clock and reset triples and the second SLAVE match: 9 of 15, F1 = 0.6. Shared pairs are easy credit; weigh them down if that matters.',
      sample: textSample(good.replace(/s_axis/g, 'TMP').replace(/m0_axis/g, 's_axis').replace(/TMP/g, 'm0_axis')),
      expectedReward: 0.6,
    },
    {
      label: 'wrong',
      note: 'Positional connections name no ports, so no triple can be checked: 0.',
      sample: textSample(
        'axi4s_vip #("MASTER") m_agent (clk, rst_n, s_axis_tdata, s_axis_tvalid, s_axis_tready);\naxi4s_vip #("SLAVE") s0_agent (clk, rst_n, m0_axis_tdata, m0_axis_tvalid, m0_axis_tready);\naxi4s_vip #("SLAVE") s1_agent (clk, rst_n, m1_axis_tdata, m1_axis_tvalid, m1_axis_tready);',
      ),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'The MASTER\'s tdata bound to every candidate stream, to be sure to include the right one: a port bound twice does not compile: 0.',
      sample: textSample(good.replace('.tdata   (s_axis_tdata),', '.tdata   (s_axis_tdata),\n  .tdata   (m0_axis_tdata),\n  .tdata   (m1_axis_tdata),')),
      expectedReward: 0,
    },
  ],
  tags: ['python', 'multiset F1', 'partial credit', 'hardware verification'],
};
