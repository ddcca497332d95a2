import type { Command } from "commander";

/** `icna review`: filled in by the review pipeline (issue 2). */
export function registerReview(program: Command): void {
  program.command("review").description("Review a stack offline (SDK mocks, preview mode)");
}
