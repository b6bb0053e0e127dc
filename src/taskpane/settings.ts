// Remembered choices between sessions (the profile of each tab, the template's unit type): one
// small adapter, so components only see get/set and tests hand them an in-memory store.
// Inside Office: OfficeRuntime.storage (the shared runtime's per-user, per-add-in store; Excel has
// no roamingSettings, which is Outlook's), else the page's localStorage, else memory for the session.

export interface SettingsStore {
  /** Where the values live, for the record ("office", "local", "memory"). */
  readonly kind: "office" | "local" | "memory";
  readonly get: (key: string) => Promise<string | null>;
  readonly set: (key: string, value: string) => Promise<void>;
}

/** A store that lives as long as the page (tests; a browser that refuses localStorage). */
export function memoryStore(
  initial: Readonly<Record<string, string>> = {},
): SettingsStore & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    kind: "memory",
    values,
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
  };
}

/** The page's localStorage; a storage that throws (private mode, blocked cookies) behaves as empty. */
export function localStore(storage: Pick<Storage, "getItem" | "setItem">): SettingsStore {
  return {
    kind: "local",
    get: async (key) => {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    set: async (key, value) => {
      try {
        storage.setItem(key, value);
      } catch {
        // Quota or a blocked storage: the choice lasts for this session only.
      }
    },
  };
}

interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** OfficeRuntime.storage (asynchronous); a failing call behaves as empty, like localStore. */
export function officeStore(storage: OfficeRuntimeStorage): SettingsStore {
  return {
    kind: "office",
    get: async (key) => {
      try {
        return (await storage.getItem(key)) ?? null;
      } catch {
        return null;
      }
    },
    set: async (key, value) => {
      try {
        await storage.setItem(key, value);
      } catch {
        // As above: remembered for this session only.
      }
    },
  };
}

/** The store for where the page runs: Office's when inside Excel and available, else localStorage, else memory. */
export function chooseStore(inOffice: boolean, scope: typeof globalThis = globalThis): SettingsStore {
  const runtime = (scope as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } }).OfficeRuntime;
  if (inOffice && runtime?.storage && typeof runtime.storage.getItem === "function")
    return officeStore(runtime.storage);
  try {
    const ls = (scope as { localStorage?: Storage }).localStorage;
    if (ls) return localStore(ls);
  } catch {
    // Reading window.localStorage itself throws when storage is blocked.
  }
  return memoryStore();
}

/** The keys, in one place. */
export const SETTING_KEYS = {
  validateProfile: "kl226.profile.validate",
  templateProfile: "kl226.profile.template",
  consolidateProfile: "kl226.profile.consolidate",
  templateUnitType: "kl226.template.unitType",
} as const;
