# syntax=docker/dockerfile:1
# The natsgh controller image (docker and kubernetes modes): built in one
# stage, run from a second that holds only production dependencies, as the
# unprivileged "node" user.
ARG NODE_VERSION=20-alpine

FROM node:${NODE_VERSION} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the "prepare" script would build before the sources are copied.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
RUN npx tsc -p tsconfig.build.json \
 && npx oclif manifest \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION} AS runtime
ENV NODE_ENV=production \
    NATSGH_STATE_DIR=/var/lib/natsgh
WORKDIR /app
COPY --from=build /app/package.json /app/oclif.manifest.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin/run.js ./bin/run.js
COPY templates ./templates
COPY proto ./proto
RUN mkdir -p /var/lib/natsgh && chown node:node /var/lib/natsgh
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.NATSGH_CONTROLLER_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/run.js"]
CMD ["controller", "run"]
