# The rungs container image: `docker build -t rungs .`, then
#   docker run --rm -v "$PWD:/src:ro" rungs scan .
# Build stage: the release binary. Policies and model are embedded, so the final image needs
# nothing beside it. RUNGS_COMMIT names the commit in `rungs --version` (.git is not copied).
FROM rust:1-slim-bookworm AS build
WORKDIR /build
COPY . .
ARG RUNGS_COMMIT=unknown
RUN RUNGS_COMMIT="$RUNGS_COMMIT" cargo build --release --locked \
 && strip target/release/rungs

# Final stage: Debian slim (the binary links glibc, and git2's bundled libgit2 and zlib are
# static), run as an unprivileged user; mount the repository to scan at /src.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin rungs
COPY --from=build /build/target/release/rungs /usr/local/bin/rungs
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/rungs"]
CMD ["scan", "."]
