// Declarations of tsl::robin_map (github.com/Tessil/robin-map) as its header
// declares them; bodies and the table's internals left out.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <utility>

namespace tsl {
namespace rh {
template <std::size_t GrowthFactor> class power_of_two_growth_policy {};
} // namespace rh

template <class Key, class T, class Hash = std::hash<Key>,
          class KeyEqual = std::equal_to<Key>,
          class Allocator = std::allocator<std::pair<Key, T>>,
          bool StoreHash = false,
          class GrowthPolicy = tsl::rh::power_of_two_growth_policy<2>>
class robin_map {
public:
  using key_type = Key;
  using mapped_type = T;
  using value_type = std::pair<Key, T>;
  using size_type = std::size_t;
  using hasher = Hash;
  using iterator = value_type *;
  using const_iterator = const value_type *;

  std::pair<iterator, bool> insert(const value_type &value);
  template <class... Args> std::pair<iterator, bool> emplace(Args &&...args);
  size_type erase(const key_type &key);
  T &operator[](const Key &key);
  iterator find(const Key &key);
  const_iterator find(const Key &key) const;
  const_iterator end() const;
  size_type size() const noexcept;

private:
  value_type *m_buckets = nullptr; // the hash table
};
} // namespace tsl
