import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The project root, where Pulumi.yaml and the Pulumi.<stack>.yaml files live: the nearest directory at or
 * above this module that holds Pulumi.yaml, so the compiled CLI in dist/ finds the same root as the sources.
 * Without one (an image that ships only the runtime services) it is the layout's root, and reading a
 * stack's file there says that the file is missing.
 */
export const PROJECT_DIR = findProjectDir(__dirname) ?? path.resolve(__dirname, "..", "..");

function findProjectDir(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
