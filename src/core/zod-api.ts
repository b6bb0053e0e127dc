// The part of zod's API this project uses, re-exported by name (src/core/zod.ts makes it `z`): zod's
// own `z` is a namespace object holding all of it, so a bundler keeps all of it, every locale's error
// messages included (≈ 300 KB of the add-in's page); named exports let webpack and esbuild drop the rest.
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  literal,
  NEVER,
  number,
  object,
  partialRecord,
  preprocess,
  record,
  string,
  union,
  unknown,
} from "zod";
export type { core, infer, input, output, ZodType } from "zod";
