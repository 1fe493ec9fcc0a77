/// One stable sort for the portable modules (the ones in lessons.wasm). The standard library's `sort(by:)` is copied for
/// every element type and every comparison closure it is called with: in lessons.wasm that
/// was 16 copies of its merge sort, 20 KB of the gzipped module. Here the merge sort is one
/// non-generic function over indices, and each element type adds only a short gather.
/// The order is the standard library's: both are stable, so equal elements keep theirs.

/// The stable order of `count` items under `less`: the indices `0..<count`, sorted so that
/// `less(order[j], order[i])` never holds for `i < j`, equal items in index order.
public func stableOrder(count: Int, by less: (Int, Int) -> Bool) -> [Int] {
    withoutActuallyEscaping(less) { mergeOrder(count, Comparison(less: $0)) }
}

/// The comparison inside a struct: the optimizer copies a function for each closure
/// passed to it directly, and would copy the merge sort for every call site again.
struct Comparison {
    let less: (Int, Int) -> Bool
}

@inline(never)
func mergeOrder(_ count: Int, _ comparison: Comparison) -> [Int] {
    let less = comparison.less
    var order = Array(0..<max(count, 0)), spare = order
    // Runs of 8 by insertion sort, then bottom-up merges of neighbouring runs.
    let run = 8
    var start = 0
    while start < count {
        let end = min(start + run, count)
        var i = start + 1
        while i < end {
            let item = order[i]
            var j = i
            while j > start && less(item, order[j - 1]) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = item
            i += 1
        }
        start = end
    }
    var width = run
    while width < count {
        var low = 0
        while low < count {
            let mid = min(low + width, count), high = min(low + 2 * width, count)
            var (a, b, k) = (low, mid, low)
            while a < mid && b < high {
                // Take the right run's item only when strictly less: stability.
                if less(order[b], order[a]) { spare[k] = order[b]; b += 1 } else { spare[k] = order[a]; a += 1 }
                k += 1
            }
            while a < mid { spare[k] = order[a]; a += 1; k += 1 }
            while b < high { spare[k] = order[b]; b += 1; k += 1 }
            low = high
        }
        swap(&order, &spare)
        width *= 2
    }
    return order
}

extension Sequence {
    /// The elements in the stable order of `areInIncreasingOrder`, as `sorted(by:)` gives
    /// them, through `stableOrder`.
    public func stablySorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        let items = Array(self)
        return stableOrder(count: items.count) { areInIncreasingOrder(items[$0], items[$1]) }.map { items[$0] }
    }
}

extension Sequence where Element: Comparable {
    /// The elements in increasing order, as `sorted()` gives them.
    public func stablySorted() -> [Element] {
        stablySorted(by: <)
    }
}
