# expect: DOCKERFILE_SYNTAX
# mentions: line 7
# mentions: CMD
# mentions: not terminated
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
CMD ["/usr/bin/app", "--serve"
