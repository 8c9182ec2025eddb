#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Runs the composite action in action.yml as a GitHub runner would, so that
the tests exercise its real steps: `run:` steps in bash with the runner's
flags and environment (GITHUB_ENV, GITHUB_STEP_SUMMARY, RUNNER_TEMP,
GITHUB_WORKSPACE, GITHUB_ACTION_PATH), `${{ }}` expressions over the inputs,
runner.os (Linux) and a github context given here (server_url, repository and
sha have defaults); `uses:` steps are printed, not run: --step gives the
outputs they would have (ID.outputs.NAME=VALUE).

    run_action.py ACTION_DIR WORKSPACE TEMP [--input NAME=VALUE]... [--github KEY=VALUE]...
                  [--step ID.outputs.NAME=VALUE]...
"""
import argparse
import os
import re
import subprocess
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression, context):
    """The expressions action.yml uses: `a || b`, `a && b`, `x == 'literal'`,
    and inputs.NAME, github.KEY.PATH or steps.ID.outputs.NAME operands."""
    for alternative in expression.split("||"):
        value = ""
        for term in alternative.split("&&"):
            operand, _, literal = term.partition("==")
            value = context.get(operand.strip(), "")
            if literal:
                value = "true" if value == literal.strip().strip("'") else ""
            if not value:
                break
        if value:
            return value
    return ""


def substitute(text, context):
    return EXPRESSION.sub(lambda m: evaluate(m.group(1), context), str(text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action_dir")
    parser.add_argument("workspace")
    parser.add_argument("temp")
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--github", action="append", default=[])
    parser.add_argument("--step", action="append", default=[])
    args = parser.parse_args()

    with open(os.path.join(args.action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    context = {}
    for name, spec in action["inputs"].items():
        context["inputs." + name] = str(spec.get("default", ""))
    for pair in args.input:
        name, _, value = pair.partition("=")
        if name not in action["inputs"]:
            sys.exit("run_action.py: action.yml has no input '%s'" % name)
        context["inputs." + name] = value
    # What every run has; --github adds to it (action_repository, event, ...).
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=args.workspace,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    context.update({"github.server_url": "https://github.com",
                    "github.repository": "owner/repository", "github.sha": head,
                    "runner.os": "Linux"})
    for pair in args.github:
        key, _, value = pair.partition("=")
        context["github." + key] = value
    for pair in args.step:
        key, _, value = pair.partition("=")
        context["steps." + key] = value

    os.makedirs(args.temp, exist_ok=True)
    github_env = os.path.join(args.temp, "github-env")
    open(github_env, "w").close()
    # The job summary: what the steps append to it, left in TEMP for the tests.
    summary = os.path.join(args.temp, "step-summary.md")
    open(summary, "w").close()
    base_env = dict(os.environ, GITHUB_ACTION_PATH=args.action_dir, GITHUB_ENV=github_env,
                    GITHUB_STEP_SUMMARY=summary, RUNNER_TEMP=args.temp,
                    GITHUB_WORKSPACE=args.workspace)
    for step in action["runs"]["steps"]:
        name = step.get("name", "")
        if "if" in step and not evaluate(step["if"], context):
            print("skipped: %s" % name)
            continue
        if "uses" in step:
            inputs = " ".join("%s=%s" % (k, substitute(v, context))
                              for k, v in sorted(step.get("with", {}).items()))
            print("uses: %s %s" % (step["uses"], inputs))
            continue
        env = dict(base_env)
        with open(github_env) as f:
            env.update(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        env.update({k: substitute(v, context) for k, v in step.get("env", {}).items()})
        print("step: %s" % name)
        sys.stdout.flush()
        code = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                substitute(step["run"], context)], cwd=args.workspace, env=env)
        if code:
            print("failed: %s (exit %d)" % (name, code))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
