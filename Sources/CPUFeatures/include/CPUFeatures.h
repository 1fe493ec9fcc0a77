#ifndef LESSONS_CPU_FEATURES_H
#define LESSONS_CPU_FEATURES_H

/// Run-time CPU checks for choosing a GEMM kernel. Each returns 1 only when
/// the processor has the instructions *and* the OS saves their registers
/// (XSAVE state), so a selected kernel can never fault on an illegal opcode.
/// Always 0 on processors that are not x86-64.
int lessons_cpu_has_avx2_fma(void);
int lessons_cpu_has_avx512f(void);

#endif
