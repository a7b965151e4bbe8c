#ifndef VIGIL_CRC32C_H
#define VIGIL_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `length` bytes, continuing from `crc` (0 for a new checksum). Uses the
/// SSE4.2 `crc32` instruction when the CPU has it (checked once), else a slicing-by-8 table.
uint32_t vigil_crc32c(uint32_t crc, const void *bytes, size_t length);

/// Whether the hardware instruction is used (for benchmarks and `index info`).
int vigil_crc32c_hardware(void);

#endif
