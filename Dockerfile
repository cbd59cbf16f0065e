# citebot on Discord, kept running: docker build -t citebot . && docker run -d --restart unless-stopped \
#   --env-file .env -v "$PWD/articles:/app/articles:ro" -e CORPUS_DIR=articles citebot
# (Without DISCORD_TOKEN the image has no console to offer: it exits.)

# Production dependencies only. esbuild is one of them: `npm ci` compiles the sources into dist/ (the
# `prepare` script, bin/build.js), and the image runs that JavaScript, not the TypeScript.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY scripts/invite.ts ./scripts/invite.ts
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=warn && test -f dist/src/main.js

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HEALTH_PORT=8080 \
    HEALTH_HOST=127.0.0.1
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/dist ./dist
COPY package.json LICENSE NOTICE ./
COPY seeds ./seeds
# The index snapshot (.cache/index/) is the only thing citebot writes; the code stays root's, read-only.
RUN mkdir .cache && chown node:node .cache
USER node
# The health check runs inside the container, so 127.0.0.1 is enough.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM stops it in order within docker stop's 10 s (src/main.ts); node runs as PID 1 and handles it.
CMD ["node", "dist/src/main.js"]
