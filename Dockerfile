# syntax=docker/dockerfile:1
# The ICNA runtime image: the compiled `icna` CLI, which the in-cluster services run as
# `icna scaler serve …` (predictive scaler) and `icna watch …` (anomaly watcher).
# Build: docker build -t icna:dev .   Release: .github/workflows/image.yml (see docs/runtime-image.md).
# Pin the base by digest for reproducible releases: --build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:<digest>.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so source edits reuse this layer. --ignore-scripts: `prepare` would build before the
# sources are copied, and @pulumi/kubernetes' install script fetches a Pulumi plugin the runtime never uses.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY cli ./cli
COPY stacks ./stacks
COPY components ./components
COPY policies ./policies
COPY review ./review
COPY runtime ./runtime
COPY operations ./operations
# Compile to dist/ (dist/cli/main.js is the entry bin/icna.js runs), then drop the dev dependencies.
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Only what the CLI runs from: production node_modules, the compiled code, the launcher and package.json.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
# 65532: the uid the PSE and watcher pods run as (runAsUser). Nothing is written at run time, so the pods'
# readOnlyRootFilesystem holds; files stay root-owned and read-only to this user.
USER 65532:65532
ENTRYPOINT ["node", "/app/bin/icna.js"]
CMD ["--help"]
