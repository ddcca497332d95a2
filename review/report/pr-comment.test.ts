import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { reviewChangeSet } from "../review";
import { change, PROD } from "../testing/change-builder";
import { commentMarker, renderMarkdown } from "./render-markdown";

type Comment = { id: number; user: { type: string }; body: string };
type Upsert = (args: { github: unknown; context: unknown; stack: string; file: string }) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CI script is plain CommonJS run by actions/github-script
const upsert = require(path.resolve(__dirname, "..", "..", ".github", "scripts", "upsert-review-comment.js")) as Upsert;

/** The slice of Octokit the script uses, recording what it did. */
function fakeGitHub(existing: Comment[]) {
  const calls: { op: string; id?: number; body: string }[] = [];
  const rest = {
    issues: {
      listComments: "listComments",
      updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => void calls.push({ op: "update", id: comment_id, body }),
      createComment: async ({ body }: { body: string }) => void calls.push({ op: "create", body }),
    },
  };
  return { calls, github: { rest, paginate: async () => existing } };
}

const context = { repo: { owner: "o", repo: "r" }, issue: { number: 7 } };

describe("the PR comment and the CI script that posts it", () => {
  let file: string;
  beforeAll(async () => {
    const review = await reviewChangeSet({ changes: [change("vpc", "aws:ec2/vpc:Vpc", { newInputs: {} })], stack: PROD, llm: { enabled: false } });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-comment-")), "review.md");
    fs.writeFileSync(file, renderMarkdown(review));
  });

  it("starts the comment with the marker the script looks for", () => {
    expect(fs.readFileSync(file, "utf8").startsWith(commentMarker("prod"))).toBe(true);
  });

  it("updates the bot's comment for the stack in place, also one written with the old advisor marker", async () => {
    for (const marker of [commentMarker("prod"), "<!-- icna-advisor:prod -->"]) {
      const { github, calls } = fakeGitHub([
        { id: 1, user: { type: "User" }, body: `${marker}\nquoted by a person` },
        { id: 2, user: { type: "Bot" }, body: "<!-- icna-review:dev -->\nother stack" },
        { id: 3, user: { type: "Bot" }, body: `${marker}\nold review` },
      ]);
      await upsert({ github, context, stack: "prod", file });
      expect(calls).toEqual([{ op: "update", id: 3, body: fs.readFileSync(file, "utf8") }]);
    }
  });

  it("creates a comment when there is none, and says so when the review wrote no file", async () => {
    const { github, calls } = fakeGitHub([]);
    await upsert({ github, context, stack: "prod", file: path.join(path.dirname(file), "missing.md") });
    expect(calls).toEqual([{ op: "create", body: expect.stringMatching(/^<!-- icna-review:prod -->\nThe review produced no report for `prod`/) }]);
  });
});
