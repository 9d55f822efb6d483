# The natsgh controller image (docker and kubernetes modes). It is built from
# natsgh's package layout (dist/, bin/run.js, templates/, proto/ — what `npm ci`
# builds in a checkout and what the npm package ships), so `--mode docker`
# works from an npm install as well as from a clone. Stage one installs the
# production dependencies; the runtime stage holds only what runs, as the
# unprivileged "node" user (natsgh's compose file may pick another non-root uid,
# the one that owns the TLS and creds copies it mounts).
# No `# syntax=` line: it would make BuildKit fetch a frontend image from Docker
# Hub, which air-gapped and mirror-only sites cannot.
# NODE_VERSION: the current Node.js LTS (26 "Lithium", LTS since 2026-10-28); override with --build-arg NODE_VERSION=<tag>.
ARG NODE_VERSION=26-alpine

FROM node:${NODE_VERSION} AS deps
WORKDIR /app
COPY package*.json ./
# --ignore-scripts: "prepare" would try to compile, and dist/ is already built.
RUN if [ -f package-lock.json ]; then npm ci --omit=dev --ignore-scripts --no-audit --no-fund; \
    else npm install --omit=dev --ignore-scripts --no-audit --no-fund; fi

FROM node:${NODE_VERSION} AS runtime
ENV NODE_ENV=production \
    NATSGH_STATE_DIR=/var/lib/natsgh
# The controller's V8 options (src/controller/node-options.ts): peak RSS under 80 MB, no growth.
ENV NODE_OPTIONS="--max-semi-space-size=1 --v8-pool-size=1"
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json oclif.manifest.json ./
COPY dist ./dist
COPY bin/run.js ./bin/run.js
COPY templates ./templates
COPY proto ./proto
RUN mkdir -p /var/lib/natsgh && chown node:node /var/lib/natsgh && chmod 0700 /var/lib/natsgh
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.NATSGH_CONTROLLER_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/run.js"]
CMD ["controller", "run"]
