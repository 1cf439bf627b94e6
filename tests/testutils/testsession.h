#pragma once

class Session;

// Opens a Session and waits until it is ready (tests may block, library code may not). False (with the
// error as qWarning) if it failed or was not ready within 15 s.
bool openSession(Session &session);
