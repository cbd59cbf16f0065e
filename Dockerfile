# citebot on Discord, kept running: docker build -t citebot . && docker run -d --restart unless-stopped \
#   --env-file .env -v "$PWD/articles:/app/articles:ro" -e CORPUS_DIR=articles citebot
# (Without DISCORD_TOKEN the image has no console to offer: it exits.)

# Production dependencies only. tsx is one of them: the bot runs its TypeScript through it.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=warn

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HEALTH_PORT=8080 \
    HEALTH_HOST=127.0.0.1
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json LICENSE NOTICE ./
COPY src ./src
COPY commands ./commands
COPY seeds ./seeds
# The index snapshot (.cache/index/) is the only thing citebot writes; the code stays root's, read-only.
RUN mkdir .cache && chown node:node .cache
USER node
# The health check runs inside the container, so 127.0.0.1 is enough.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM stops it in order within docker stop's 10 s (src/main.ts); node runs as PID 1 and handles it.
CMD ["node", "--import", "tsx", "src/main.ts"]
