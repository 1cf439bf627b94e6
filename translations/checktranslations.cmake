# Runs lupdate over the sources into a copy of the .ts and fails if any message is unfinished:
# that catches strings added or changed since the translation was last brought up to date.
file(COPY_FILE ${TS} ${WORK_DIR}/check_fr.ts)
execute_process(
    COMMAND ${LUPDATE} -no-obsolete -locations none ${SOURCE_DIR}/models ${SOURCE_DIR}/widgets ${SOURCE_DIR}/app
            -ts ${WORK_DIR}/check_fr.ts
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(STRINGS ${WORK_DIR}/check_fr.ts messages REGEX "<message")
list(LENGTH messages total)
file(STRINGS ${WORK_DIR}/check_fr.ts unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished missing)
if(total EQUAL 0)
    message(FATAL_ERROR "no messages found in the French translation")
endif()
if(missing GREATER 0)
    file(READ ${WORK_DIR}/check_fr.ts content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" todo "${content}")
    string(REPLACE ";" "\n" todo "${todo}")
    message(FATAL_ERROR "${missing} of ${total} French messages are missing or unfinished "
                        "(run the update_translations target and translate them):\n${todo}")
endif()
message(STATUS "French translation complete: ${total} messages")
