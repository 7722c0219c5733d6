package dev.slipway.worker.pipeline;

/** One step of the build recipe; reads what earlier steps left in the state and adds its own results. */
interface BuildStep {
    /** The name shown in logs and in the result's step timings. */
    String name();

    void run(PipelineRun state) throws Exception;
}
