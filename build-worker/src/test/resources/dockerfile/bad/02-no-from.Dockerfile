# expect: DOCKERFILE_NO_FROM
# mentions: no FROM
ARG BASE=fedora:40
ARG TAG=1
