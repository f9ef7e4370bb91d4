import Dispatch
import NIOPosix
import HTTPModel

/// The threads the site's Swift tasks run on: a small pool of its own, so that a caller
/// blocking the cooperative thread pool (the browser's synchronous main loop, a test
/// waiting on libcurl) can never starve the server. Network I/O runs on NIO's event
/// loop threads, which are also not the cooperative pool.
@available(macOS 15.0, *)
final class SiteThreads: TaskExecutor {
    static let shared = SiteThreads(threads: 4)

    private let pool: NIOThreadPool

    private init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        // Never shut down: the pool is shared by every site of the process.
        pool.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pool.submit { _ in
            // A job must run even if the pool were stopping; it never is (see init).
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}

/// Runs async work from a synchronous caller, blocking it until the work is done.
enum Blocking {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
        let done = DispatchSemaphore(value: 0)
        let result = Locked<Result<Value, any Error>?>(nil)
        let work: @Sendable () async -> Void = {
            let outcome: Result<Value, any Error>
            do {
                outcome = .success(try await body())
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
            done.signal()
        }
        if #available(macOS 15.0, *) {
            Task(executorPreference: SiteThreads.shared) { await work() }
        } else {
            Task.detached { await work() }
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
