#!/bin/sh
# The stateless-index on the action's PATH: an installed stateless-tidy.
exec stateless-index "$@"
