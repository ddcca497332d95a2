// Creates or updates (in place) the review's pull-request comment for one stack.
// Used by actions/github-script: `await require('./.github/scripts/upsert-review-comment.js')({ github, context, stack, file })`.
// The file is `icna review --markdown` (or `icna deploy --markdown <file>`): it starts with the marker below.
const fs = require("node:fs");

module.exports = async ({ github, context, stack, file }) => {
  const marker = `<!-- icna-review:${stack} -->`;
  // Comments written before the review and the advisor became one document carry the old marker: update those too.
  const markers = [marker, `<!-- icna-advisor:${stack} -->`];
  const body = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `${marker}\nThe review produced no report for \`${stack}\`: see the job log.`;
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const mine = comments.find((c) => c.user && c.user.type === "Bot" && typeof c.body === "string" && markers.some((m) => c.body.startsWith(m)));
  if (mine) await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
  else await github.rest.issues.createComment({ owner, repo, issue_number, body });
};
