// Declarations of folly::F14FastMap (folly/container/F14Map.h) as its header
// declares them; bodies and the table's internals left out.
#pragma once
#include <functional>
#include <memory>
#include <utility>

namespace folly {
namespace f14 {
template <typename T> using DefaultHasher = std::hash<T>;
template <typename T> using DefaultKeyEqual = std::equal_to<T>;
template <typename T> using DefaultAlloc = std::allocator<T>;
} // namespace f14

template <typename Key, typename Mapped,
          typename Hasher = f14::DefaultHasher<Key>,
          typename KeyEqual = f14::DefaultKeyEqual<Key>,
          typename Alloc = f14::DefaultAlloc<std::pair<Key const, Mapped>>>
class F14FastMap {
public:
  using value_type = std::pair<Key const, Mapped>;
  using iterator = value_type *;
  std::pair<iterator, bool> insert(const value_type &value);
  Mapped &operator[](const Key &key);
  std::size_t erase(const Key &key);
  std::size_t size() const;

private:
  value_type *chunks_ = nullptr; // the hash table
};
} // namespace folly
