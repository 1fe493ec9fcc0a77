#if defined(__linux__)
#define _GNU_SOURCE
#include <sched.h>
#include <unistd.h>
#endif
#include "CThreadPlacement.h"

#if defined(__linux__)
int lessons_current_cpu(void) { return sched_getcpu(); }

/// The CPUs the main thread (whose id is the process id) may use.
static int process_cpus(cpu_set_t *set) {
    CPU_ZERO(set);
    return sched_getaffinity(getpid(), sizeof(cpu_set_t), set) == 0;
}

int lessons_thread_avoid_cpu(int cpu) {
    cpu_set_t set;
    if (cpu < 0 || cpu >= CPU_SETSIZE || !process_cpus(&set)) return 0;
    CPU_CLR(cpu, &set);
    if (CPU_COUNT(&set) == 0) return 0;
    return sched_setaffinity(0, sizeof(cpu_set_t), &set) == 0;
}

int lessons_thread_pin_cpu(int cpu) {
    cpu_set_t set;
    if (cpu < 0 || cpu >= CPU_SETSIZE) return 0;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof(cpu_set_t), &set) == 0;
}

void lessons_thread_unpin(void) {
    cpu_set_t set;
    if (process_cpus(&set)) sched_setaffinity(0, sizeof(cpu_set_t), &set);
}
#else
int lessons_current_cpu(void) { return -1; }
int lessons_thread_avoid_cpu(int cpu) { (void)cpu; return 0; }
int lessons_thread_pin_cpu(int cpu) { (void)cpu; return 0; }
void lessons_thread_unpin(void) {}
#endif
