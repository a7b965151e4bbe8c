#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt, -sanitize=fuzzer). SwiftPM renames an executable's main, so
// libFuzzer's own main() is never linked; each target's main.swift calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
