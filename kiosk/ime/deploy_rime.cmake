# Deploys the kiosk's Rime data at build time (cmake -P): a source folder made of the packaged
# luna_pinyin data and our patches, compiled by rime_deployer into OUTPUT_DIR. The kiosk only
# reads that folder; it never deploys or compiles at start.
#
#   cmake -DRIME_DEPLOYER=... -DSHARED_DATA=/usr/share/rime-data -DPATCH_DIR=kiosk/ime/rime
#         -DWORK_DIR=<scratch> -DOUTPUT_DIR=<deployed> -DPACKAGED="a;b" -DREQUIRED="c;d" -P deploy_rime.cmake

# A fresh deployment each time: rime_deployer updates by timestamps, which would keep files of
# an older patch set around.
set(source ${WORK_DIR}/source)
set(home ${WORK_DIR}/home)
file(REMOVE_RECURSE ${WORK_DIR} ${OUTPUT_DIR})
file(MAKE_DIRECTORY ${source} ${home})

foreach(f IN LISTS PACKAGED)
  if(NOT EXISTS ${SHARED_DATA}/${f})
    message(FATAL_ERROR "Rime data file ${SHARED_DATA}/${f} is missing: run scripts/setup "
                        "(rime-data-luna-pinyin, rime-prelude, rime-essay)")
  endif()
  file(CREATE_LINK ${SHARED_DATA}/${f} ${source}/${f} SYMBOLIC)
endforeach()
file(GLOB patches ${PATCH_DIR}/*.yaml)
file(COPY ${patches} DESTINATION ${source})

# rime_deployer logs every step at INFO level; the log goes to a file beside the output (glog
# would otherwise leave files in /tmp) and is shown only when the deployment fails.
set(ENV{GLOG_logtostderr} 1)
execute_process(COMMAND ${RIME_DEPLOYER} --build ${home} ${source} ${OUTPUT_DIR}
                OUTPUT_FILE ${WORK_DIR}/deploy.log ERROR_FILE ${WORK_DIR}/deploy.log
                RESULT_VARIABLE result)
set(missing)
foreach(f IN LISTS REQUIRED)
  if(NOT EXISTS ${OUTPUT_DIR}/${f})
    list(APPEND missing ${f})
  endif()
endforeach()
if(NOT result EQUAL 0 OR missing)
  file(READ ${WORK_DIR}/deploy.log log)
  message(FATAL_ERROR "rime_deployer failed (exit ${result}; missing: ${missing}):\n${log}")
endif()
