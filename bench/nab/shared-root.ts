import * as path from "node:path";

/** `<repo root>/../shared/data/nab`: the read-only NAB corpus beside the checkout. */
export const NAB_ROOT = path.resolve(__dirname, "..", "..", "..", "shared", "data", "nab");
