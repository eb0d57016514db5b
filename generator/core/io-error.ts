/** A file could not be read or written at all: a usage or I/O fault (exit 2), not a problem in the plan. */
export class IoError extends Error {}
