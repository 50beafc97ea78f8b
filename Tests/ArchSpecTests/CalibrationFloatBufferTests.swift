import Testing
@testable import ArchSpec

/// The forward pass's buffers: zeroed, and a large one placed in its own page-aligned mapping whatever the
/// process allocated and freed before (through malloc, glibc's raised mmap threshold put it in the heap instead).
@Suite struct CalibrationFloatBufferTests {
    @Test func largeBuffersAreMappedWhateverCameBefore() {
        // What calibrate's probes do before the step surface's pass: allocate, touch and free blocks under 32 MiB,
        // which raises glibc's mmap threshold to their size.
        for _ in 0..<3 {
            let block = UnsafeMutablePointer<Float>.allocate(capacity: 4 << 20)  // 16 MiB
            block.initialize(repeating: 1, count: 4 << 20)
            block.deallocate()
        }
        for count in [FloatBuffer.mappedBytes / 4, 1 << 20, 3 << 20] {
            let buffer = FloatBuffer(count)
            #expect(Int(bitPattern: buffer.pointer) % 4096 == 0, "\(count) floats")
            #expect(buffer.count == count && (0..<count).allSatisfy { buffer.pointer[$0] == 0 })
            buffer.pointer[count - 1] = 2  // writable to the end
            #expect(buffer.pointer[count - 1] == 2)
        }
    }

    @Test func smallBuffersAreZeroedToo() {
        for count in [0, 1, 7, FloatBuffer.mappedBytes / 4 - 1] {
            let buffer = FloatBuffer(count)
            #expect(buffer.count == max(1, count) && (0..<buffer.count).allSatisfy { buffer.pointer[$0] == 0 })
        }
        let filled = FloatBuffer(repeating: 3, count: 1 << 16)
        #expect((0..<filled.count).allSatisfy { filled.pointer[$0] == 3 })
    }
}
