# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# lit configuration for the stateless-tidy suite (see test/lit.site.cfg.py.in).
import os
import shutil
import sys

import lit.formats

config.name = "stateless-tidy"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "check_stateless.py"]
config.test_source_root = os.path.join(config.stateless_src_root, "test", "lit")
config.test_exec_root = os.path.join(config.stateless_obj_root, "test")

runner = os.path.join(config.test_source_root, "check_stateless.py")
check = " ".join([
    config.python, runner,
    "--clang-tidy=" + config.clang_tidy,
    "--plugin=" + config.plugin,
    "--stateless-tidy=" + config.stateless_tidy,
    "--stateless-clangd=" + config.stateless_clangd,
    "--filecheck=" + config.filecheck,
])
config.available_features.add("llvm-" + config.llvm_major)
if config.sanitized:
    # A sanitized build is checked through its standalone binaries: the plugin
    # would need the sanitizer runtimes inside an unsanitized clang-tidy.
    check += " --artifacts=tidy,clangd"
    config.substitutions.append(("%clang_tidy --load=%plugin", config.stateless_tidy))
    config.available_features.add("sanitized")
    sys.path.insert(0, os.path.dirname(__file__))
    from sanitizers import ENVIRONMENT
    config.environment.update(ENVIRONMENT)

config.substitutions.extend([
    ("%check_stateless", check),
    ("%clang_tidy", config.clang_tidy),
    ("%run_clang_tidy", os.path.join(os.path.dirname(config.clang_tidy), "run-clang-tidy")),
    ("%clangxx", config.clangxx),
    ("%plugin", config.plugin),
    ("%stateless_tidy", config.stateless_tidy),
    ("%stateless_clangd", config.stateless_clangd),
    ("%stateless_index", config.stateless_index),
    # Configured into the build's bin/, beside stateless-tidy (cmake/Packaging.cmake).
    ("%stateless_report", os.path.join(config.stateless_obj_root, "bin", "stateless-report")),
    ("%stateless_include", os.path.join(config.stateless_src_root, "include")),
    ("%src_root", config.stateless_src_root),
    ("%obj_root", config.stateless_obj_root),
    ("%llvm_major", config.llvm_major),
    ("%stateless_version", config.stateless_version),
    ("%python", config.python),
    ("%FileCheck", config.filecheck),
    ("%not", config.not_tool),
])

if config.stateless_clangd:
    config.available_features.add("clangd")
if config.core_tests:
    config.available_features.add("unit-tests")
    config.substitutions.append(("%core_tests", config.core_tests))
# clang's mutation analysis follows writes through pointers from LLVM 20 on.
if int(config.llvm_major) >= 20:
    config.available_features.add("pointee-writes")
if shutil.which("g++"):
    config.available_features.add("gxx")
# A clang-tidy of another LLVM major version, to test the plugin's guard.
for major in ("22", "21", "20", "19", "18", "17", "16", "15", "14"):
    other = "/usr/lib/llvm-%s/bin/clang-tidy" % major
    if major != config.llvm_major and os.path.exists(other):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", other))
        break

# Frameworks whose Debian packages the tests compile against, when installed.
multiarch = "x86_64-linux-gnu"
if shutil.which("gcc"):
    import subprocess
    multiarch = subprocess.run(["gcc", "-print-multiarch"], stdout=subprocess.PIPE,
                               universal_newlines=True).stdout.strip() or multiarch
qt6 = "/usr/include/%s/qt6" % multiarch
if os.path.isdir(os.path.join(qt6, "QtHttpServer")):
    config.available_features.add("qt6-httpserver")
    config.substitutions.append(("%qt6_flags", " ".join(
        ["-fPIC", "-isystem", qt6] + ["-isystem%s/%s" % (qt6, m) for m in
                                  ("QtCore", "QtNetwork", "QtHttpServer")])))
if shutil.which("pre-commit"):
    config.available_features.add("pre-commit")
# Debian's bazel-bootstrap (Bazel 4) and bazel-platforms: the Bazel aspect's
# test runs them offline (test/lit/bazel/Inputs/offline).
if shutil.which("bazel") and os.path.isdir("/usr/share/bazel/tools/platforms"):
    config.available_features.add("bazel")
if shutil.which("protoc") and shutil.which("grpc_cpp_plugin"):
    config.available_features.add("grpc")
    config.substitutions.append(("%grpc_cpp_plugin", shutil.which("grpc_cpp_plugin")))

# The SARIF tests validate against the SARIF 2.1.0 schema with ajv and with
# the SARIF multitool, installed from npm into the build directory by
# scripts/bootstrap.sh --tests.
npm_modules = os.path.join(config.stateless_obj_root, "npm", "node_modules")
sarif_schema = os.path.join(npm_modules, "@microsoft", "jest-sarif", "lib", "schemas",
                            "sarif-2.1.0-rtm.5.json")
sarif_multitool = os.path.join(npm_modules, "@microsoft", "sarif-multitool-" + sys.platform)
if shutil.which("node") and os.path.isfile(sarif_schema) and os.path.isdir(sarif_multitool):
    config.available_features.add("sarif-validator")
    config.substitutions.append(("%validate_sarif", " ".join([
        "node", os.path.join(config.test_source_root, "ci", "validate-sarif.js"),
        npm_modules, sarif_schema])))

# stateless-report's inventory.json is validated against its schema with the
# same ajv; its page is opened in Debian's chromium, driven by playwright-core
# (both from scripts/bootstrap.sh --tests).
report_tests = os.path.join(config.test_source_root, "report")
if shutil.which("node") and os.path.isdir(os.path.join(npm_modules, "ajv")):
    config.available_features.add("ajv")
    config.substitutions.append(("%validate_inventory", " ".join([
        "node", os.path.join(report_tests, "validate-inventory.js"), npm_modules,
        os.path.join(config.stateless_src_root, "docs", "inventory.schema.json")])))
chromium = shutil.which("chromium")
if shutil.which("node") and chromium and os.path.isdir(os.path.join(npm_modules, "playwright-core")):
    config.available_features.add("chromium")
    config.substitutions.append(("%check_report_page", " ".join([
        "node", os.path.join(report_tests, "check-page.js"), npm_modules, chromium])))

# The GitHub Action's test reads action.yml as the runner does.
try:
    import yaml  # noqa: F401
    config.available_features.add("python-yaml")
except ImportError:
    pass

# Tests must not see the user's clangd or clang-tidy configuration.
config.environment["HOME"] = config.test_exec_root
config.environment["XDG_CONFIG_HOME"] = os.path.join(config.test_exec_root, ".config")
