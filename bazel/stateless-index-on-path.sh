#!/bin/sh
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# The stateless-index on the action's PATH: an installed stateless-tidy.
exec stateless-index "$@"
