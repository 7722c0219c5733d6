# expect: DOCKERFILE_EMPTY
# mentions: no instructions
# nothing but comments

   
# and blank lines
