# expect: LABEL_MISSING
# mentions: com.redhat.component
# mentions: missing
FROM fedora:40
LABEL name="fedora/foo" version="1.0"
