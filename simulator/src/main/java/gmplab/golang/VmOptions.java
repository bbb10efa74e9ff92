package gmplab.golang;

/**
 * Cost model and limits of the VM.
 *
 * @param nsPerInstruction  virtual nanoseconds charged per executed instruction
 * @param instructionBudget instructions per {@code Compute} chunk before the VM hands control back
 * @param memoryLimitBytes  total allocation allowed before "fatal error: runtime: out of memory"
 */
public record VmOptions(long nsPerInstruction, long instructionBudget, long memoryLimitBytes) {
    public VmOptions {
        if (nsPerInstruction < 0) throw new IllegalArgumentException("nsPerInstruction < 0");
        if (instructionBudget < 1) throw new IllegalArgumentException("instructionBudget < 1");
    }

    /** 1 ns per instruction, chunks of 1000 instructions, 4 GiB of allocation. */
    public static VmOptions defaults() {
        return new VmOptions(1, 1000, 4L << 30);
    }

    public VmOptions withNsPerInstruction(long ns) {
        return new VmOptions(ns, instructionBudget, memoryLimitBytes);
    }

    public VmOptions withInstructionBudget(long n) {
        return new VmOptions(nsPerInstruction, n, memoryLimitBytes);
    }

    public VmOptions withMemoryLimit(long bytes) {
        return new VmOptions(nsPerInstruction, instructionBudget, bytes);
    }
}
