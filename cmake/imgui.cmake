# Dear ImGui 1.86 from Debian's libimgui-dev. Its static library carries the SDL2 platform
# backend and the FreeType builder but not the SDL_Renderer backend, which Debian ships as
# source only; we compile that packaged file here (it is not copied into the repository).
find_library(IMGUI_LIBRARY imgui REQUIRED)
find_library(STB_LIBRARY stb REQUIRED)
set(IMGUI_INCLUDE_DIR /usr/include/imgui)
set(IMGUI_SDLRENDERER_SOURCE
    /usr/share/doc/libimgui-dev/examples/backends/imgui_impl_sdlrenderer.cpp)
if(NOT EXISTS ${IMGUI_SDLRENDERER_SOURCE})
  message(FATAL_ERROR "libimgui-dev's SDL_Renderer backend source is missing: run scripts/setup")
endif()

add_library(imgui_sdlrenderer STATIC ${IMGUI_SDLRENDERER_SOURCE})
target_include_directories(imgui_sdlrenderer SYSTEM PUBLIC ${IMGUI_INCLUDE_DIR}
                                                           ${IMGUI_INCLUDE_DIR}/backends /usr/include/stb)
target_link_libraries(imgui_sdlrenderer PUBLIC ${IMGUI_LIBRARY} ${STB_LIBRARY} PkgConfig::FREETYPE
                                               PkgConfig::SDL2)
add_library(imgui::imgui ALIAS imgui_sdlrenderer)
