/**
 * What of an unexpected error may reach the log: its type, codes and stack frames. Never its message: a failed
 * query's message quotes the SQL parameters, which can be a name, a phone number or a report.
 */
export function safeErrorSummary(error: unknown): Record<string, unknown> {
  const value = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    code?: string;
    stack?: string;
    cause?: { code?: string; name?: string };
  };
  // The stack starts with "Name: message", and a message can span lines (a failed query lists its parameters,
  // one of which may be a multi-line report): cut the message off, then keep only lines shaped like V8 frames.
  const stack = value.stack ?? '';
  const rest = value.message ? stack.replace(value.message, '') : stack;
  const frames = rest
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^at \S.*:\d+:\d+\)?$/.test(line))
    .slice(0, 12);
  return {
    errType: value.name,
    code: value.code,
    causeType: value.cause?.name,
    causeCode: value.cause?.code,
    frames,
  };
}
