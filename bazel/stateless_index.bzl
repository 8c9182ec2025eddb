# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""The project index of stateless-tidy as a Bazel aspect (docs/install.md).

    bazel build //... --aspects=@stateless_tidy//:stateless_index.bzl%stateless_index_aspect \\
        --output_groups=stateless_index --@stateless_tidy//:config=//:clang_tidy_config

runs `stateless-index --shard` once per C and C++ source of every target
of the workspace with CcInfo (cc_library, cc_binary, cc_test) reached along
`deps` (other repositories' are libraries, not indexed), with the
target's include paths, defines and copts; each shard is a declared output,
so remote execution and the remote cache apply to them as to compile
actions. The shards name files by their path under EXECROOT instead of the
action's own directory (a sandbox, a remote worker); `stateless-index
--merge` maps that to the workspace, where the checks run:

    stateless-index --merge bazel-bin -o stateless.index \\
        --path-prefix-map=/bazel-execroot="$PWD" \\
        --path-prefix-map=/bazel-execroot/external="$(bazel info output_base)/external"

The stateless-index that runs is the label flag //:stateless_index (by
default the one on the action's PATH); //:config names the .clang-tidy files
whose handler options the actions read.
"""

# What the shards put in place of the execution root they were made in.
EXECROOT = "/bazel-execroot"

_C_SOURCES = ["c"]
_CXX_SOURCES = ["cc", "cpp", "cxx", "c++", "C"]

StatelessIndexInfo = provider(
    doc = "The shards of a target and of everything it depends on.",
    fields = {"shards": "depset of .shard files"},
)

def _include(directory):
    """The `includes` of the workspace's own targets are its code: with
    -isystem, the analysis would not follow calls into the functions they
    declare, as it does not into libraries. Other repositories' stay
    libraries."""
    if directory.startswith("/") or directory.startswith("external/") or "/external/" in directory:
        return ["-isystem", directory]
    return ["-I", directory]

def _compile_flags(ctx, target, source):
    """The flags the target compiles `source` with, as far as they matter
    to the parser: include paths, defines and copts."""
    context = target[CcInfo].compilation_context
    args = ctx.actions.args()
    args.add_all(context.defines, format_each = "-D%s")
    args.add_all(getattr(ctx.rule.attr, "local_defines", []), format_each = "-D%s")
    args.add_all(context.includes, before_each = "-I")
    args.add_all(context.quote_includes, before_each = "-iquote")
    args.add_all(context.system_includes, map_each = _include)
    cpp = ctx.fragments.cpp
    args.add_all(cpp.copts)
    args.add_all(cpp.conlyopts if source.extension in _C_SOURCES else cpp.cxxopts)
    args.add_all([ctx.expand_make_variables("copts", c, {}) for c in getattr(ctx.rule.attr, "copts", [])])
    return args

def _shard(ctx, target, source):
    name = source.short_path.replace("../", "external/")
    if name.startswith(ctx.label.package + "/"):
        name = name[len(ctx.label.package) + 1:]
    shard = ctx.actions.declare_file("_stateless_index/%s/%s.shard" % (ctx.label.name, name))
    index = ctx.executable._stateless_index
    args = ctx.actions.args()
    args.add_all([index, shard, source])
    ctx.actions.run_shell(
        # $PWD is the execution root of this action: a sandbox, a remote
        # worker's directory. The shard names it EXECROOT.
        command = '"$1" --shard -o "$2" --path-prefix-map="$PWD=%s" "$3" -- "${@:4}"' % EXECROOT,
        arguments = [args, _compile_flags(ctx, target, source)],
        inputs = depset([source], transitive = [
            target[CcInfo].compilation_context.headers,
            ctx.attr._config.files,
        ]),
        outputs = [shard],
        tools = [ctx.attr._stateless_index[DefaultInfo].files_to_run],
        # PATH, and what --action_env adds, as compile actions get them.
        use_default_shell_env = True,
        mnemonic = "StatelessIndex",
        progress_message = "Indexing %s for the stateless-* checks" % source.short_path,
    )
    return shard

def _stateless_index_aspect_impl(target, ctx):
    own = []
    # Other repositories' targets are libraries to the analysis, as their
    # headers are: not indexed.
    if CcInfo in target and not ctx.label.workspace_root:
        for attribute in getattr(ctx.rule.attr, "srcs", []):
            for source in attribute.files.to_list():
                if source.extension in _C_SOURCES + _CXX_SOURCES:
                    own.append(_shard(ctx, target, source))
    shards = depset(own, transitive = [
        dep[StatelessIndexInfo].shards
        for dep in getattr(ctx.rule.attr, "deps", [])
        if StatelessIndexInfo in dep
    ])
    return [StatelessIndexInfo(shards = shards), OutputGroupInfo(stateless_index = shards)]

stateless_index_aspect = aspect(
    implementation = _stateless_index_aspect_impl,
    doc = "One stateless-index shard per C and C++ source, in the output group stateless_index.",
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = {
        "_stateless_index": attr.label(
            default = Label("//:stateless_index"),
            executable = True,
            cfg = "exec",
        ),
        "_config": attr.label(default = Label("//:config")),
    },
)
