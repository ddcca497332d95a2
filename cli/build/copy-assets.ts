import * as fs from "node:fs";
import * as path from "node:path";

/** Files the compiled code reads at run time beside its modules (the KEDA external scaler's gRPC definition). */
const ASSET = /\.proto$/;

/**
 * `npm run build`'s last step: copies the run-time assets of the compiled folders into dist/, at the same
 * relative paths, so code that reads `path.join(__dirname, …)` finds them from dist/ as from the sources.
 */
function copyAssets(root: string): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.build.json"), "utf8")) as { include: string[]; compilerOptions: { outDir: string } };
  const outDir = path.join(root, config.compilerOptions.outDir);
  const copied: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const file = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (ASSET.test(entry.name)) {
        fs.mkdirSync(path.join(outDir, relative), { recursive: true });
        fs.copyFileSync(path.join(root, file), path.join(outDir, file));
        copied.push(file);
      }
    }
  };
  for (const folder of config.include) walk(folder);
  return copied;
}

const root = path.resolve(__dirname, "..", "..", "..");
process.stdout.write(`copied ${copyAssets(root).join(", ")} into dist/\n`);
