# expect: DOCKERFILE_BEFORE_FROM
# mentions: line 6
# mentions: RUN
# mentions: only ARG
ARG BASE=fedora:40
RUN echo too early
FROM $BASE
