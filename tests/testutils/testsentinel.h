#pragma once

#include "embeddedsentinel.h"

// An EmbeddedSentinel for tests: start() waits until it is ready (tests may block, library code may not).
class TestSentinel
{
public:
    // False (with the error and every process's log tail as qWarning) on failure.
    bool start(EmbeddedSentinel::Options options = {});

    EmbeddedSentinel &setup() { return m_setup; }
    const EmbeddedSentinel &setup() const { return m_setup; }

private:
    EmbeddedSentinel m_setup;
};
