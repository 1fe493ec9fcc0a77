// What the Embedded Swift runtime needs from a C library besides wasi-libc's malloc,
// memcmp and libm: a stack-protector guard, hash seeds and 128-bit multiplication.
#include <stddef.h>
#include <stdint.h>

uintptr_t __stack_chk_guard = 0x5f3759dfu;
void __stack_chk_fail(void) { __builtin_trap(); }

// Dictionary and Set seeds: fixed, so a module's runs are reproducible.
void arc4random_buf(void *buffer, size_t count) {
    unsigned char *p = buffer;
    uint32_t x = 0x9e3779b9u;
    for (size_t i = 0; i < count; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; p[i] = (unsigned char)x; }
}

// The low 128 bits of a × b (compiler-rt's __multi3, for overflow-checked Int64 maths).
__int128 __multi3(__int128 a, __int128 b) {
    unsigned __int128 ua = (unsigned __int128)a, ub = (unsigned __int128)b;
    uint64_t a0 = (uint64_t)ua, a1 = (uint64_t)(ua >> 64), b0 = (uint64_t)ub, b1 = (uint64_t)(ub >> 64);
    uint64_t a0l = a0 & 0xffffffffu, a0h = a0 >> 32, b0l = b0 & 0xffffffffu, b0h = b0 >> 32;
    uint64_t ll = a0l * b0l, lh = a0l * b0h, hl = a0h * b0l, hh = a0h * b0h;
    uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    uint64_t low = (ll & 0xffffffffu) | (mid << 32);
    uint64_t high = hh + (lh >> 32) + (hl >> 32) + (mid >> 32) + a0 * b1 + a1 * b0;
    return (__int128)(((unsigned __int128)high << 64) | low);
}

// Double(String) in Embedded Swift calls this (the standard library's own runtime
// supplies it natively); wasi-libc's strtod is correctly rounded, as the JSON reader needs.
double strtod(const char *restrict, char **restrict);
const char *_swift_stdlib_strtod_clocale(const char *nptr, double *outResult) {
    char *end;
    *outResult = strtod(nptr, &end);
    return end;
}

// strtod reads through musl's FILE machinery, which links stdout's writer and with it
// WASI imports (fd_write, fd_seek, fd_close). Reading a string never calls them, so
// these stand-ins, which trap, keep the module free of WASI.
struct _IO_FILE;
size_t __stdio_write(struct _IO_FILE *f, const unsigned char *buffer, size_t length) { __builtin_trap(); }
long long __stdio_seek(struct _IO_FILE *f, long long offset, int whence) { __builtin_trap(); }
int __stdio_close(struct _IO_FILE *f) { __builtin_trap(); }
