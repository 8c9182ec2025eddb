//===--- IndexData.h - the project index as plain data ---------------------===//
//
// What one translation unit contributes to the project index, keyed by USR
// so that units can be joined: the functions it defines (with their calls,
// the objects they create, the objects they hand on from constructor to
// member and from member to constructor, their writes to variables with
// static storage, to data members and through them, their local-file and
// timer effects), its handler, thread and start-up roots, the variables and
// classes it knows, and the files it read. An index is a list of such
// units, written in a compact versioned binary format (one unit: a shard;
// many: a merged index).
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_INDEXDATA_H
#define STATELESS_LIB_INDEXDATA_H

#include "Effects.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace stateless {

/// A place in a source file as the index stores it: an absolute path and a
/// 1-based line and column.
struct FileLocation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool isValid() const { return !File.empty(); }
  friend bool operator<(const FileLocation &A, const FileLocation &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  }
};

namespace index {

/// How a function reaches another (see CallEdge): the kind decides the note.
enum class CallKind : uint8_t { Call, Construct, Lambda, PassedOn };

struct Call {
  std::string Callee; ///< USR of the function reached
  /// How notes name it: the function's qualified name, or for a
  /// constructor its class's.
  std::string CalleeName;
  CallKind Kind = CallKind::Call;
  FileLocation Site;
};

/// A statement that modifies a variable with static storage or a data
/// member (Target is the variable's or the field's USR).
struct Write {
  std::string Target;
  FileLocation Site;
};

/// A constructor's parameter kept in a reference, pointer or shared-pointer
/// member (a borrowed member, SharedObjects.h): what the creator passes
/// there is the object the member refers to.
struct Kept {
  unsigned Parameter = 0;
  std::string Member; ///< the field's USR
};

/// A member of `this` passed to a constructor: what the member refers to is
/// handed on to the object created (main -> listener -> session).
struct HandOn {
  std::string Constructor; ///< USR
  unsigned Argument = 0;
  std::string Member; ///< the field's USR
};

struct FunctionEffect {
  EffectKind Kind = EffectKind::FileWrite;
  std::string Api;
  std::string Action;
  FileLocation Site;
};

struct Function {
  std::string USR;
  std::string Name; ///< qualified name; empty for a lambda
  FileLocation Loc;
  /// The class `this` points to (a method's, or for a lambda capturing
  /// `this`, its enclosing method's); empty when there is none.
  std::string ThisClass;
  bool IsLambda = false;
  /// A constructor or destructor: its writes to members are not state.
  bool IsStructor = false;
  std::vector<Call> Calls;
  /// USRs of the virtual methods it overrides directly: a call of one of
  /// them may run it.
  std::vector<std::string> Overrides;
  std::vector<std::string> Creates; ///< USRs of the classes it creates objects of
  /// For a constructor: the parameters it keeps in borrowed members.
  std::vector<Kept> Keeps;
  /// The members of `this` it passes to constructors.
  std::vector<HandOn> HandOns;
  std::vector<Write> GlobalWrites;
  /// Writes to members (the member's own value, or for a member that
  /// holds its object, all of it).
  std::vector<Write> MemberWrites;
  /// Writes through a reference, pointer or shared-pointer member to the
  /// object it refers to (Target is the field's USR): the writes to what a
  /// borrowed member's creator passed in.
  std::vector<Write> PointeeWrites;
  std::vector<FunctionEffect> Effects;
};

enum class RootKind : uint8_t { Handler, Thread, StartUp };
/// Why a function is a handler (HandlerRoot::Reason, in the same order).
enum class HandlerReason : uint8_t {
  Registered,
  RouteTable,
  Override,
  Annotated,
  Option
};

struct Root {
  RootKind Kind = RootKind::Handler;
  HandlerReason Why = HandlerReason::Registered;
  std::string Function; ///< USR
  std::string FunctionName; ///< qualified name; empty for a lambda
  std::string Via; ///< registrar, route table or base class
  FileLocation Site; ///< the registration, or the function itself
};

/// A variable with static storage that the unit defines or writes.
struct Variable {
  std::string USR;
  std::string Name;
  /// The unit's main file holds its definition.
  bool Defined = false;
  FileLocation Loc;
};

/// A class whose methods the unit's functions run, with what decides
/// whether its objects are long-lived handler objects.
struct Class {
  std::string USR;
  std::string Name;
  /// The unit's main file defines one of its methods out of line.
  bool Implemented = false;
  /// A framework creates its objects per request (FrameworkTables).
  bool PerRequest = false;
  std::vector<std::string> Bases; ///< USRs of all its bases, indirect ones too
};

/// A file a unit was built from, as it was when the unit was indexed.
struct InputFile {
  std::string Path;
  int64_t ModificationTime = 0; ///< nanoseconds since the epoch
  uint64_t Size = 0;
  uint64_t Hash = 0; ///< of the contents (0 when not taken)

  friend bool operator==(const InputFile &A, const InputFile &B) {
    return A.Path == B.Path && A.ModificationTime == B.ModificationTime &&
           A.Size == B.Size && A.Hash == B.Hash;
  }
};

struct Unit {
  std::string MainFile; ///< absolute path
  /// Identifies the compile command the unit was indexed with.
  std::string Command;
  std::vector<InputFile> Inputs;
  std::vector<Function> Functions;
  std::vector<Root> Roots;
  std::vector<Variable> Variables;
  std::vector<Class> Classes;
};

struct Index {
  std::vector<Unit> Units; ///< sorted by main file, one per main file
};

/// Bumped whenever the layout or the meaning of a field changes.
constexpr unsigned FormatVersion = 3;

/// Who wrote an index: an index is read only by the same stateless-tidy
/// built against the same LLVM major version (USRs and facts may differ).
std::string producer();

void write(const Index &I, llvm::raw_ostream &OS);
llvm::Error writeFile(const Index &I, llvm::StringRef Path);

/// Reads an index; a truncated or corrupt buffer, another format version or
/// another producer is an error that says which.
llvm::Expected<Index> read(llvm::StringRef Buffer);
llvm::Expected<Index> readFile(llvm::StringRef Path);

/// Rewrites every path \p I stores (main files, locations, input files).
void mapPaths(Index &I, llvm::function_ref<void(std::string &)> Map);

/// Joins indexes: one unit per main file, the one from the last index that
/// has it; units sorted by main file.
Index merge(std::vector<Index> Parts);

/// The file \p Path as it is on disk now, without (statInput) or with
/// (readInput) the hash of its contents; none when it cannot be read.
std::optional<InputFile> statInput(llvm::StringRef Path);
std::optional<InputFile> readInput(llvm::StringRef Path);

/// True when \p Recorded still describes the file on disk: the same size,
/// and the same modification time or, when only that differs (a fresh
/// checkout, a shard from a build cache), the same contents.
bool isCurrent(const InputFile &Recorded);

} // namespace index
} // namespace stateless

#endif
