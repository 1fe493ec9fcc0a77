#include "CPUFeatures.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#include <stdint.h>

/// XCR0: which register states the OS saves on context switch.
static uint64_t read_xcr0(void) {
    uint32_t eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((uint64_t)edx << 32) | eax;
}

/// CPUID leaf 1 ECX: FMA (bit 12), OSXSAVE (bit 27), AVX (bit 28).
static int os_saves_avx(unsigned int *ecx1) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    *ecx1 = ecx;
    if (!(ecx & (1u << 27)) || !(ecx & (1u << 28))) return 0;
    return (read_xcr0() & 0x6) == 0x6; /* SSE and AVX state */
}

int lessons_cpu_has_avx2_fma(void) {
    unsigned int ecx1 = 0, eax, ebx, ecx, edx;
    if (!os_saves_avx(&ecx1) || !(ecx1 & (1u << 12))) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 5)) != 0; /* AVX2 */
}

int lessons_cpu_has_avx512f(void) {
    unsigned int ecx1 = 0, eax, ebx, ecx, edx;
    if (!os_saves_avx(&ecx1) || !(ecx1 & (1u << 12))) return 0;
    if ((read_xcr0() & 0xe6) != 0xe6) return 0; /* opmask, ZMM_Hi256, Hi16_ZMM */
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 16)) != 0; /* AVX512F */
}

#else

int lessons_cpu_has_avx2_fma(void) { return 0; }
int lessons_cpu_has_avx512f(void) { return 0; }

#endif
