package exercise

// SelfCareLog is the name of the self-care plan's dated log step.
const SelfCareLog = "log"
