import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the headers of many safetensors shards on every core: each shard is an `open`, two `pread`s and a
/// small JSON parse, independent of the others. Errors are reported for the first failing shard in order, so
/// the message does not depend on scheduling.
enum ShardHeaders {
    /// Below this many shards one thread reads them all (starting threads costs more than it saves).
    static let parallelThreshold = 16

    static func read(_ paths: [String]) throws(CheckpointError) -> [SafetensorsReader.Header] {
        let workers = min(paths.count / parallelThreshold + 1, activeCores, 8)
        guard workers > 1 else {
            var headers: [SafetensorsReader.Header] = []
            headers.reserveCapacity(paths.count)
            for (index, path) in paths.enumerated() { headers.append(try SafetensorsReader.read(path: path, fileIndex: index)) }
            return headers
        }
        var results = [Result<SafetensorsReader.Header, CheckpointError>?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                // Interleaved: neighbouring shards (similar sizes) spread across the workers.
                var index = worker
                while index < paths.count {
                    out[index] = Result { () throws(CheckpointError) in try SafetensorsReader.read(path: paths[index], fileIndex: index) }
                    index += workers
                }
            }
        }
        var headers: [SafetensorsReader.Header] = []
        headers.reserveCapacity(paths.count)
        for result in results {
            switch result {
            case .success(let header): headers.append(header)
            case .failure(let error): throw error
            case nil: preconditionFailure("every shard index is visited by one worker")
            }
        }
        return headers
    }

    /// Cores this process may run on.
    static var activeCores: Int {
        #if canImport(Glibc)
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #endif
    }
}
