// The one wasm instruction Swift cannot reach: f32x4.relaxed_madd (Swift has no
// fp-contract, and `addingProduct` on wasm32 becomes lane-wise calls to libm's
// `fmaf`, which is slow and not correctly rounded there). Static inline, so it
// inlines into the micro-kernels.
//
// Built with -DLESSONS_EMULATED_FMA (scripts/build-wasm with LESSONS_WASM_FMA=emulated),
// the same function is an exact FMA on any engine instead: the product of two floats
// is exact in f64; the sum is rounded to odd (TwoSum recovers its error, an inexact
// even result moves one ulp towards the exact value), and one rounding to f32 then
// gives the correctly rounded a·b + c (53 ≥ 2·24 + 2 bits). With -DLESSONS_UNFUSED_FMA
// (LESSONS_WASM_FMA=unfused) it is a multiply and an add, what an engine that does not
// fuse computes: the module's check must then refuse to train.
#pragma once
#if defined(__wasm__)
#pragma clang fp contract(off)
typedef float lessons_f32x4 __attribute__((ext_vector_type(4)));
typedef float lessons_v128f __attribute__((__vector_size__(16)));
typedef double lessons_f64x2 __attribute__((ext_vector_type(2)));
typedef long long lessons_i64x2 __attribute__((ext_vector_type(2)));

/// p + c rounded to odd, lane by lane (p and c exact doubles).
static inline __attribute__((always_inline)) lessons_f64x2
lessons_add_round_to_odd(lessons_f64x2 p, lessons_f64x2 c) {
    lessons_f64x2 s = p + c;
    lessons_f64x2 pp = s - c;                      // TwoSum: s + err == p + c exactly
    lessons_f64x2 err = (p - pp) + (c - (s - pp));
    lessons_i64x2 bits = (lessons_i64x2)s;
    lessons_i64x2 inexact = (err != 0) & ((s - s) == 0);   // finite s only
    lessons_i64x2 even = (bits & 1) == 0;
    lessons_i64x2 away = (err > 0) == (s > 0);             // exact value lies farther from 0
    lessons_i64x2 step = (away & 1) | (~away & -1);
    return (lessons_f64x2)(bits + (inexact & even & step));
}

/// a * b + c per lane, rounded once.
static inline __attribute__((always_inline)) lessons_f32x4
lessons_relaxed_madd(lessons_f32x4 a, lessons_f32x4 b, lessons_f32x4 c) {
#if defined(LESSONS_EMULATED_FMA)
    lessons_f64x2 alo = __builtin_convertvector(a.xy, lessons_f64x2), ahi = __builtin_convertvector(a.zw, lessons_f64x2);
    lessons_f64x2 blo = __builtin_convertvector(b.xy, lessons_f64x2), bhi = __builtin_convertvector(b.zw, lessons_f64x2);
    lessons_f64x2 clo = __builtin_convertvector(c.xy, lessons_f64x2), chi = __builtin_convertvector(c.zw, lessons_f64x2);
    lessons_f64x2 lo = lessons_add_round_to_odd(alo * blo, clo), hi = lessons_add_round_to_odd(ahi * bhi, chi);
    typedef float lessons_f32x2 __attribute__((ext_vector_type(2)));
    lessons_f32x2 l = __builtin_convertvector(lo, lessons_f32x2), h = __builtin_convertvector(hi, lessons_f32x2);
    return __builtin_shufflevector(l, h, 0, 1, 2, 3);
#elif defined(LESSONS_UNFUSED_FMA)
    return a * b + c;
#else
    return (lessons_f32x4)__builtin_wasm_relaxed_madd_f32x4((lessons_v128f)a, (lessons_v128f)b, (lessons_v128f)c);
#endif
}
#endif
