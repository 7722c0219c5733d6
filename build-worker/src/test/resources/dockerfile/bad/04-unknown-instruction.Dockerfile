# expect: DOCKERFILE_UNKNOWN_INSTRUCTION
# mentions: line 5
# mentions: 'COPPY'
FROM fedora:40
COPPY a /a
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
