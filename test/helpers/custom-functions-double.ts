// A test double for Office's `CustomFunctions` global, which exists only inside Excel: the error
// class and codes the custom functions throw, and a registry for associate().

export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class CustomFunctionsError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string,
  ) {}
}

const associated = new Map<string, unknown>();

const customFunctionsDouble = {
  ErrorCode,
  Error: CustomFunctionsError,
  associate(id: string, fn: unknown): void {
    associated.set(id, fn);
  },
};

/** Install the double as the global `CustomFunctions`; returns a function that removes it. */
export function installCustomFunctionsDouble(): () => void {
  const g = globalThis as { CustomFunctions?: unknown };
  const previous = g.CustomFunctions;
  g.CustomFunctions = customFunctionsDouble;
  return () => {
    g.CustomFunctions = previous;
  };
}
