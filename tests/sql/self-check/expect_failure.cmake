# expect_failure.cmake — runs aj_sqllogic on a fixture file that is wrong on
# purpose and passes only when the runner fails (non-zero exit) and says what
# the file's "# expect: <regex>" line says (CMake's regex syntax), so a
# runner that passes everything, or fails for another reason, is caught.
#   cmake -DRUNNER=aj_sqllogic -DRECORDS=dir -DTEST_FILE=file.test -P expect_failure.cmake
file(STRINGS ${TEST_FILE} expect_lines REGEX "^# expect: ")
if(NOT expect_lines)
  message(FATAL_ERROR "${TEST_FILE} has no '# expect: <regex>' line")
endif()
execute_process(COMMAND ${RUNNER} --records ${RECORDS} ${TEST_FILE}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(code EQUAL 0)
  message(FATAL_ERROR "aj_sqllogic passed ${TEST_FILE}, which is wrong on purpose")
endif()
foreach(line IN LISTS expect_lines)
  string(REGEX REPLACE "^# expect: " "" pattern "${line}")
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "aj_sqllogic failed (exit ${code}) without saying «${pattern}»")
  endif()
endforeach()
