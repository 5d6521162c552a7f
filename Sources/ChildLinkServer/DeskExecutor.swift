import Dispatch

/// Where the desk's tasks run: a concurrent Dispatch queue rather than Swift's cooperative pool
/// (one thread per core). The desk's handlers call the Core jobs, which read the store
/// synchronously; on the pool, two slow requests on a 2-core machine would stall every other task,
/// and so would other synchronous work in the same process (the test runner's). Dispatch adds a
/// thread when one blocks.
package final class DeskExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "childlink.desk", attributes: .concurrent)

    /// Creates an executor over a new queue.
    package init() {}

    /// Runs `job` on the queue.
    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
