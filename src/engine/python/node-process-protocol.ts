/**
 * The two messages a contained grader process (node-worker.ts in a child process) exchanges with its parent
 * (node-process.ts) besides the worker protocol: a package download request and its answer.
 */
export interface PackageRequest {
  type: 'fetch-package';
  id: number;
  url: string;
}

export interface PackageReply {
  type: 'package';
  id: number;
  bytes?: Uint8Array;
  error?: string;
}

export function isPackageRequest(m: unknown): m is PackageRequest {
  const r = m as PackageRequest;
  return typeof m === 'object' && m !== null && r.type === 'fetch-package' && Number.isSafeInteger(r.id) && typeof r.url === 'string' && r.url.length < 4096;
}

export function isPackageReply(m: unknown): m is PackageReply {
  const r = m as PackageReply;
  return typeof m === 'object' && m !== null && r.type === 'package' && Number.isSafeInteger(r.id);
}
